package cn.workplan.document;

import java.util.List;

import cn.workplan.org.OfficeService;

import org.springframework.stereotype.Component;

/** The bureau's active offices as the importer matches office mentions against them (基础教育股, 基教股). */
@Component
public class BureauOffices {

    private final OfficeService offices;

    BureauOffices(OfficeService offices) {
        this.offices = offices;
    }

    /** Import options for this bureau: its offices, and Traditional characters converted when asked. */
    public ImportOptions options(boolean toSimplified) {
        var known = offices.list().stream()
                .filter(office -> office.active())
                .map(office -> office.shortName() == null || office.shortName().isBlank()
                        ? KnownOffice.of(office.id(), office.name())
                        : KnownOffice.of(office.id(), office.name(), office.shortName()))
                .toList();
        var options = ImportOptions.defaults().withOffices(known);
        return toSimplified ? options.simplified() : options;
    }

    List<KnownOffice> known() {
        return options(false).offices();
    }
}
