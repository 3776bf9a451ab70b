package cn.workplan.plan;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a comparator as its code ({@code >=}), which the table's check constraint names. */
@Converter
class ComparatorConverter implements AttributeConverter<Comparator, String> {

    @Override
    public String convertToDatabaseColumn(Comparator comparator) {
        return comparator == null ? null : comparator.code();
    }

    @Override
    public Comparator convertToEntityAttribute(String code) {
        return code == null ? null : Comparator.ofCode(code).orElseThrow();
    }
}
