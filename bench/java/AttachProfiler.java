import com.sun.tools.attach.VirtualMachine;

/**
 * Bench-only: loads async-profiler into a running JVM with its options passed verbatim (jcmd's
 * JVMTI.agent_load splits them). Usage: java AttachProfiler.java PID LIBRARY OPTIONS.
 */
public class AttachProfiler {
  public static void main(String[] args) throws Exception {
    VirtualMachine vm = VirtualMachine.attach(args[0]);
    try {
      vm.loadAgentPath(args[1], args[2]);
    } finally {
      vm.detach();
    }
  }
}
