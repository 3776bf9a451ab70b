package cn.workplan.document;

import cn.workplan.org.OfficeService;

import org.springframework.stereotype.Component;

/** The bureau's active offices as the importer matches office mentions against them (基础教育股, 基教股). */
@Component
public class BureauOffices {

    private final OfficeService offices;

    BureauOffices(OfficeService offices) {
        this.offices = offices;
    }

    /** Import options for this bureau: its active offices, and Traditional characters converted when asked. */
    public ImportOptions options(boolean toSimplified) {
        var shortNames = offices.shortNames();
        var known = offices.options().stream()
                .map(office -> {
                    var shortName = shortNames.get(office.id());
                    return shortName == null || shortName.isBlank() || shortName.equals(office.name())
                            ? KnownOffice.of(office.id(), office.name())
                            : KnownOffice.of(office.id(), office.name(), shortName);
                })
                .toList();
        return new ImportOptions(toSimplified, known);
    }
}
