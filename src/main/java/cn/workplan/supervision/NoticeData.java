package cn.workplan.supervision;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A notice as the issue form sends it.
 *
 * @param itemId  the task item the notice is about
 * @param lineId  one of its lines of responsibility, or {@code null} for the whole item (then its lead office receives it)
 * @param matter  what is wrong and what must be done
 * @param replyBy the day the reply is due; today or later
 */
public record NoticeData(@NotNull Long itemId, Long lineId, @NotBlank @Size(max = MATTER_LENGTH) String matter,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate replyBy) {

    public static final int MATTER_LENGTH = 2000;

    public static NoticeData blank(long itemId, Long lineId, LocalDate replyBy) {
        return new NoticeData(itemId, lineId, "", replyBy);
    }
}
