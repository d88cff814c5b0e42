package dk.mico.rightsdesk.workflow;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotWritableException;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code ${discoverInSystemDelegate}} names a bean, yet Camunda's Spring expression manager first asks the process
 * variables of the execution and of every scope above it, which loads them all from the database (one statement per
 * scope) on every job before the bean is found. Here the names of the beans that implement the engine's delegate
 * interfaces (JavaDelegate, TaskListener, ExecutionListener) are resolved to their beans before any variable is
 * read; every other name resolves as before. A variable can take no such name: ProcessConventionsTest keeps the
 * variable names apart from these beans' names, and a delegate bean is nothing a variable would hold.
 */
@Component
class DelegateBeansFirstPlugin extends AbstractProcessEnginePlugin {

  private final ApplicationContext context;

  DelegateBeansFirstPlugin(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setExpressionManager(new SpringExpressionManager(context, configuration.getBeans()) {
      @Override
      protected ELResolver createElResolver() {
        CompositeELResolver resolvers = new CompositeELResolver();
        resolvers.add(new DelegateBeans(context));
        resolvers.add(super.createElResolver());
        return resolvers;
      }
    });
  }

  /** Resolves a bare name of a delegate bean (no base object) to the bean; leaves every other name unresolved. */
  static final class DelegateBeans extends ELResolver {

    private final ApplicationContext context;
    private final Set<String> names = new TreeSet<>();

    DelegateBeans(ApplicationContext context) {
      this.context = context;
      // by the bean definitions' types, without making any bean
      Stream.of(JavaDelegate.class, TaskListener.class, ExecutionListener.class)
          .forEach(type -> names.addAll(Set.of(context.getBeanNamesForType(type, false, false))));
    }

    @Override
    public Object getValue(ELContext elContext, Object base, Object property) {
      if (base == null && property instanceof String name && names.contains(name)) {
        elContext.setPropertyResolved(true);
        return context.getBean(name);
      }
      return null;
    }

    @Override
    public Class<?> getType(ELContext elContext, Object base, Object property) {
      return null;
    }

    @Override
    public void setValue(ELContext elContext, Object base, Object property, Object value) {
      if (base == null && property instanceof String name && names.contains(name)) {
        throw new PropertyNotWritableException("the delegate bean " + name + " cannot be assigned");
      }
    }

    @Override
    public boolean isReadOnly(ELContext elContext, Object base, Object property) {
      if (base == null && property instanceof String name && names.contains(name)) {
        elContext.setPropertyResolved(true);
        return true;
      }
      return false;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext elContext, Object base) {
      return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext elContext, Object base) {
      return base == null ? Object.class : null;
    }
  }
}
