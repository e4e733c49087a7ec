package org.integrationledger.app.observability;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Warns at start-up when an OutOfMemoryError would not end the process, and shows the policy on
 * {@code /actuator/info} ({@code jvm.outOfMemory}), where a deployment check can read it.
 */
@Component
class OutOfMemoryPolicyReport implements InfoContributor {

    private static final Logger log = LoggerFactory.getLogger(OutOfMemoryPolicyReport.class);

    private final OutOfMemoryPolicy policy;

    OutOfMemoryPolicyReport() {
        this.policy = OutOfMemoryPolicy.ofThisJvm();
        policy.warning().ifPresent(log::warn);
    }

    @Override
    public void contribute(Info.Builder info) {
        info.withDetail("jvm", Map.of("outOfMemory", Map.of(
                "exitOnOutOfMemoryError", policy.exitOnOutOfMemoryError(),
                "crashOnOutOfMemoryError", policy.crashOnOutOfMemoryError(),
                "endsProcess", policy.endsProcess())));
    }
}
