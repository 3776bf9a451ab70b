package cn.workplan.execution;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on evidence files, set under {@code workplan.evidence}. Keep {@code spring.servlet.multipart.max-file-size}
 * above {@link #maxFileSize()}, so that a file just over the limit gets this module's message next to the field.
 *
 * @param maxFileSize the largest file accepted
 * @param maxFiles    the most files one report may carry
 */
@ConfigurationProperties("workplan.evidence")
public record EvidenceProperties(@DefaultValue("10MB") DataSize maxFileSize, @DefaultValue("10") int maxFiles) {
}
