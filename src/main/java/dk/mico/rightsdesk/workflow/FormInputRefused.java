package dk.mico.rightsdesk.workflow;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A form in Tasklist was filled in wrongly: the message names each bad field for the person to correct, the command
 * rolls back, and {@link FormErrorsPlugin} answers it as a bad request and logs one line, no stack trace.
 */
class FormInputRefused extends ProcessEngineException {

  FormInputRefused(String message) {
    super(message);
  }
}
