package cn.workplan.plan;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a comparator as its code ({@code >=}), which the table's check constraint names. */
@Converter
class TargetComparatorConverter implements AttributeConverter<TargetComparator, String> {

    @Override
    public String convertToDatabaseColumn(TargetComparator comparator) {
        return comparator == null ? null : comparator.code();
    }

    @Override
    public TargetComparator convertToEntityAttribute(String code) {
        return code == null ? null : TargetComparator.ofCode(code).orElseThrow();
    }
}
