package cn.workplan.execution;

/** A file as it was uploaded: its name on the uploader's device and its bytes. */
public record Upload(String fileName, byte[] content) {
}
