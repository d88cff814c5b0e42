package dk.mico.rightsdesk.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import jakarta.validation.constraints.NotBlank;

/**
 * Who answers: the controller's details as every letter names them, and the supervisory authority a subject may
 * complain to (Art 77). Settings, not literals, so another company can run the same system. {@code publicUrl}, the
 * address the subject's links point at, may be left out where the server is reached directly (the demo): links then
 * point at the server's own port ({@link PublicUrl}); production requires it.
 */
@Validated
@ConfigurationProperties("rightsdesk.controller")
public record ControllerProperties(
    @NotBlank String name,
    @NotBlank String address,
    @NotBlank String email,
    @NotBlank String phone,
    @NotBlank String gdprEmail,
    @NotBlank String senderAddress,
    @NotBlank String authorityName,
    @NotBlank String authorityAddress,
    @NotBlank String authorityWeb,
    String publicUrl) {}
