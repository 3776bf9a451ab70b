package cn.workplan.execution;

/** An evidence file to download, checked against the checksum taken when it was uploaded. */
public record EvidenceFile(String fileName, String contentType, byte[] content, String sha256) {
}
