package dk.mico.rightsdesk.workflow;

import jakarta.ws.rs.core.Response.Status;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Bad input in a Tasklist form is the person's to correct, not a failure of the system. The engine wraps what a task
 * listener throws in a plain engine exception, which its REST API answers with 500 and its command context logs with
 * the whole stack trace (ENGINE-16004). Here the engine's own logging of failed commands is replaced by one that
 * turns a {@link FormInputRefused} anywhere in the chain into a REST exception with status 400, which the engine's
 * REST API passes on for starts and form submissions alike (a {@link BadUserRequestException} would become a 500
 * there) and whose message Tasklist shows, logged in one line; everything else is logged as the engine did.
 */
@Component
class FormErrorsPlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(FormErrorsPlugin.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableCmdExceptionLogging(false);
    configuration.setCustomPreCommandInterceptorsTxRequired(
        withFormErrors(configuration.getCustomPreCommandInterceptorsTxRequired()));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        withFormErrors(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
  }

  private static List<CommandInterceptor> withFormErrors(List<CommandInterceptor> interceptors) {
    List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
    all.add(0, new FormErrors());
    return all;
  }

  private static final class FormErrors extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      if (Context.getCommandContext() != null) {
        return next.execute(command); // a command within a command: the outer one reports
      }
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        FormInputRefused refused = formInputRefused(e);
        if (refused != null) {
          LOG.info("Form not accepted ({}): {}", command.getClass().getSimpleName(), refused.getMessage());
          throw new RestException(Status.BAD_REQUEST, refused.getMessage());
        }
        if (e instanceof OptimisticLockingException || e instanceof BadUserRequestException
            || e instanceof AuthorizationException) {
          LOG.debug("Command {} refused", command.getClass().getSimpleName(), e);
        } else if (e instanceof TaskAlreadyClaimedException) {
          LOG.info("Command {} refused: {}", command.getClass().getSimpleName(), e.getMessage());
        } else {
          LOG.error("Command {} failed", command.getClass().getSimpleName(), e);
        }
        throw e;
      }
    }

    private static FormInputRefused formInputRefused(Throwable e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof FormInputRefused refused) {
          return refused;
        }
      }
      return null;
    }
  }
}
