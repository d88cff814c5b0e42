package dk.mico.rightsdesk.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The login page of the officers' own pages (/officer/**), where a page opened or sent without a login (the session
 * expired) sends the browser; Spring Security checks the form and goes back to the page. The same Camunda users and
 * login throttle as everywhere; Tasklist and Cockpit keep their own login.
 */
@Controller
class OfficerLoginPageController {

  @GetMapping("/officer/login")
  String page(@RequestParam(required = false) String error, Model model) {
    model.addAttribute("failed", error != null);
    return "officer/login";
  }
}
