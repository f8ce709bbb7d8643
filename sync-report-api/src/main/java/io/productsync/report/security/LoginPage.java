package io.productsync.report.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The pages' sign-in form; Spring Security's form login checks what it posts to {@code /login}. With an OpenID Connect
 * issuer set, it offers signing in there too.
 */
@Controller
class LoginPage {

    private final SecuritySettings settings;

    LoginPage(SecuritySettings settings) {
        this.settings = settings;
    }

    @GetMapping("/login")
    String login(Model model) {
        if (settings.oidc().enabled()) {
            model.addAttribute(
                    "oidcIssuer", OidcSignIn.issuerName(settings.oidc().issuerUri()));
            model.addAttribute("oidcStart", OidcSignIn.START);
        }
        return "login";
    }
}
