package dk.mico.rightsdesk.web.pages;

import dk.mico.rightsdesk.request.Language;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Pages speak Danish unless asked for English ({@code ?lang=en}); a page about one request speaks that request's
 * language. No cookie, no Accept-Language guessing: the subject chooses.
 */
@Configuration(proxyBeanMethods = false)
class PageLanguage {

  static final String ATTRIBUTE = PageLanguage.class.getName();
  static final Locale DANISH = Locale.forLanguageTag("da");

  static void use(HttpServletRequest request, Locale locale) {
    request.setAttribute(ATTRIBUTE, locale);
  }

  /** A page about one request speaks its language, unless the subject chose one ({@code ?lang}). */
  static void speak(HttpServletRequest request, Language language) {
    if (request.getParameter("lang") == null && language != null) {
      use(request, language.locale());
    }
  }

  static Locale fromParameter(String lang) {
    return "en".equalsIgnoreCase(lang) ? Locale.ENGLISH : DANISH;
  }

  @Bean
  LocaleResolver localeResolver() {
    return new LocaleResolver() {
      @Override
      public Locale resolveLocale(HttpServletRequest request) {
        Object chosen = request.getAttribute(ATTRIBUTE);
        return chosen instanceof Locale locale ? locale : fromParameter(request.getParameter("lang"));
      }

      @Override
      public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        use(request, locale);
      }
    };
  }
}
