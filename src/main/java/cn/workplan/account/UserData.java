package cn.workplan.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An account as the administrator enters or imports it. {@code username} and {@code password} are read
 * only when the account is created; {@code version} is the one the edit form was opened with.
 */
public record UserData(
        @Size(max = 40) @Pattern(regexp = "^$|^[A-Za-z0-9_.@-]{2,40}$", message = "{user.error.usernamePattern}") String username,
        @Size(max = 100) String password,
        @NotBlank @Size(max = 40) String displayName,
        @NotNull Role role,
        Long officeId,
        Long schoolId,
        @Email @Size(max = 120) String email,
        @Size(max = 30) @Pattern(regexp = "^$|^[0-9+\\- ]{5,30}$", message = "{user.error.phonePattern}") String phone,
        Long version) {

    public static UserData empty() {
        return new UserData("", "", "", null, null, null, "", "", null);
    }
}
