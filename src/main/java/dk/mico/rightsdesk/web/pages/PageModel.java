package dk.mico.rightsdesk.web.pages;

import dk.mico.rightsdesk.notification.ControllerProperties;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every public page shows: who the controller is and where to complain. */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

  private final ControllerProperties controller;

  PageModel(ControllerProperties controller) {
    this.controller = controller;
  }

  @ModelAttribute("controller")
  ControllerProperties controller() {
    return controller;
  }
}
