package cn.workplan.notification;

import java.util.List;

/**
 * A message composed when it was queued, kept as the outbox row's {@code content}: a daily digest, or an
 * administrator's test message.
 *
 * @param title its heading ("孙丽的每日待办（2026年6月25日，共 3 项）")
 * @param items its entries, at most {@code workplan.notifications.digest.max-items}
 * @param total how many there were in all
 */
record Composed(String title, List<DigestItem> items, int total) {

    Composed {
        items = List.copyOf(items);
    }

    /** How many entries were left out. */
    int more() {
        return Math.max(total - items.size(), 0);
    }
}
