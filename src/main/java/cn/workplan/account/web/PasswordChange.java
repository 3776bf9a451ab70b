package cn.workplan.account.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The form where a person changes their own password. */
record PasswordChange(@NotBlank @Size(max = 100) String currentPassword, @NotBlank @Size(max = 100) String newPassword,
        @NotBlank @Size(max = 100) String confirmPassword) {

    static PasswordChange empty() {
        return new PasswordChange("", "", "");
    }
}
