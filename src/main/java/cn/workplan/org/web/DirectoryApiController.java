package cn.workplan.org.web;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import cn.workplan.org.OfficeService;
import cn.workplan.org.OfficeView;
import cn.workplan.org.SchoolData;
import cn.workplan.org.SchoolService;
import cn.workplan.org.SchoolView;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The directory for scripts and integrations. Principals have no business reading the whole county. */
@RestController
@RequestMapping("/api")
class DirectoryApiController {

    private final OfficeService offices;
    private final SchoolService schools;

    DirectoryApiController(OfficeService offices, SchoolService schools) {
        this.offices = offices;
        this.schools = schools;
    }

    @GetMapping("/offices")
    @PreAuthorize("hasAnyRole('ADMIN', 'LEADER', 'OFFICE_STAFF', 'INSPECTOR')")
    List<OfficeView> offices() {
        return offices.list();
    }

    @GetMapping("/schools")
    @PreAuthorize("hasAnyRole('ADMIN', 'LEADER', 'OFFICE_STAFF', 'INSPECTOR')")
    List<SchoolView> schools() {
        return schools.list();
    }

    @GetMapping("/schools/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'LEADER', 'OFFICE_STAFF', 'INSPECTOR')")
    SchoolView school(@PathVariable long id) {
        return schools.get(id);
    }

    @PostMapping("/schools")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<SchoolView> createSchool(@Valid @RequestBody SchoolData school) {
        long id = schools.create(school);
        return ResponseEntity.created(URI.create("/api/schools/" + id)).body(schools.get(id));
    }
}
