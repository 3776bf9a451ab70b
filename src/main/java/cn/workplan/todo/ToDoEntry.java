package cn.workplan.todo;

import java.time.LocalDate;

/**
 * One entry of a person's to-do list as text, for what tells them outside a page (a daily digest, a group robot's
 * message): what waits, where it is done, by when.
 *
 * @param title   what waits, written in the reader's language ("审核城关镇第一小学报送的2026年6月进度")
 * @param link    the application path where it is done ({@code /lines/12/reports/2026-06})
 * @param due     by when, {@code null} when nothing sets a day
 * @param overdue whether the day has passed
 */
public record ToDoEntry(String title, String link, LocalDate due, boolean overdue) {
}
