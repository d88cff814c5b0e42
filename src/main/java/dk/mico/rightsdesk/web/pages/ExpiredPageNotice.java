package dk.mico.rightsdesk.web.pages;

import org.springframework.ui.Model;

/**
 * What a public page says at the top when it is shown again because its form was sent after the page had been open
 * too long (ExpiredPageForms): that nothing was done, and what to do now.
 */
enum ExpiredPageNotice {
  /** A form with fields: what the subject typed is on the page again. */
  TYPED_TEXT_KEPT("page.expired.typedTextKept"),
  /** A button: nothing to keep, press it again. */
  PRESS_AGAIN("page.expired.pressAgain");

  private final String messageKey;

  ExpiredPageNotice(String messageKey) {
    this.messageKey = messageKey;
  }

  void show(Model model) {
    model.addAttribute("expiredNotice", messageKey);
  }
}
