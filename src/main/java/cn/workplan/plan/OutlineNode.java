package cn.workplan.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * One node of an outline as screens show it, numbered from its position.
 *
 * @param label      the number as printed: 一、 （一） 1. （1）
 * @param plain      the number without punctuation: 一, 1
 * @param fullNumber the number that names an item unambiguously: 3, or 二（一）3 where numbering restarts
 * @param depth      0 for the top level
 * @param editable   whether the viewer may edit this node's text
 */
public record OutlineNode(
        long id,
        Long parentId,
        NodeKind kind,
        int position,
        int depth,
        String label,
        String plain,
        String fullNumber,
        String headline,
        String body,
        Long leadOfficeId,
        String leadOffice,
        List<String> cooperatingOffices,
        int schoolCount,
        boolean keyItem,
        DeadlineKind deadlineKind,
        LocalDate deadline,
        List<String> quarters,
        List<String> tags,
        Long carriedFromId,
        boolean completed,
        int commentCount,
        long version,
        boolean editable) {

    public boolean isItem() {
        return kind == NodeKind.ITEM;
    }

    /** The id of its element on the outline page: node-42. */
    public String getDomId() {
        return "node-" + id;
    }

    /** Whether it carries a mark beyond its lead office: key item, carried over, or leaders' comments. */
    public boolean isFlagged() {
        return keyItem || carriedFromId != null || commentCount > 0;
    }

    /** Whether the node may hold children: all but sub-points. */
    public boolean isContainer() {
        return kind != NodeKind.POINT;
    }

    public boolean isChapter() {
        return kind == NodeKind.CHAPTER;
    }

    /** Chapters and sections: the headings that hold items. */
    public boolean isHeading() {
        return kind == NodeKind.CHAPTER || kind == NodeKind.SECTION;
    }

    /** The kinds this node's list of children accepts, as the outline editor's drag and drop reads them. */
    public String accepts() {
        return switch (kind) {
            case CHAPTER -> "SECTION,ITEM";
            case SECTION -> "ITEM";
            case ITEM -> "POINT";
            case POINT -> "";
        };
    }
}
