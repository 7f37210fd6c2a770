package eu.invoicing.export.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ExecutorJobRunnerTest {

    @Test
    void submit_ownedPool_runsOnNamedDaemonThread() throws InterruptedException {
        AtomicReference<Thread> ran = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        try (ExecutorJobRunner runner = ExecutorJobRunner.withThreads(1)) {
            runner.submit("expjob_1", () -> {
                ran.set(Thread.currentThread());
                done.countDown();
            });
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(ran.get().getName()).startsWith("invoicing-export-");
        assertThat(ran.get().isDaemon()).isTrue();
    }

    @Test
    void submit_afterClose_rejected() {
        ExecutorJobRunner runner = ExecutorJobRunner.withThreads(1);
        runner.close();
        assertThatThrownBy(() -> runner.submit("expjob_1", () -> { }))
                .isInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void using_hostExecutor_runsThereAndCloseLeavesItAlone() {
        StringBuilder log = new StringBuilder();
        ExecutorJobRunner runner = ExecutorJobRunner.using(Runnable::run);
        runner.submit("expjob_2", () -> log.append("ran"));
        runner.close();
        runner.submit("expjob_3", () -> log.append("+again"));
        assertThat(log).hasToString("ran+again");
    }

    @Test
    void factories_badArguments_throw() {
        assertThatThrownBy(() -> ExecutorJobRunner.withThreads(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threads");
        assertThatThrownBy(() -> ExecutorJobRunner.using(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("executor");
    }
}
