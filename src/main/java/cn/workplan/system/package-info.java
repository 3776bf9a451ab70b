/**
 * Infrastructure every feature stands on: the quick-start database and its supervisor ({@code database}), backups and
 * restore ({@code backup}), the 503 while the database is away, input cleaned as it enters and the error pages
 * ({@code web}), the page layout's support, locale and date formatting, the clock in the bureau's time zone, the
 * shared exceptions, Excel and CSV reading and import previews ({@code table}), previews held between preview and
 * confirmation ({@code preview}), the one-time tokens of creating forms ({@link cn.workplan.system.FormTokens}).
 * Holds no business rules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.workplan.system;
