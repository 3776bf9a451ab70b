package cn.workplan.account.web;

import jakarta.validation.constraints.NotBlank;

/** The form where a person changes their own password. */
record PasswordChange(@NotBlank String currentPassword, @NotBlank String newPassword, @NotBlank String confirmPassword) {

    static PasswordChange empty() {
        return new PasswordChange("", "", "");
    }
}
