package org.integrationledger.simulator.faults;

/** The faults the suite knows; each ends with the view-vs-store check. */
enum Scenario {

    /** Valid traffic on one ledger, killed with SIGKILL at a random moment and restarted on the same database. */
    KILL_UNDER_LOAD("kill -9 under load, one node"),
    /** Two full nodes on one database (aggregate cache 0), load on both, the node owning segments killed. */
    OWNER_KILLED_TWO_NODES("two nodes, segment owner killed -9"),
    /** Each message of fresh documents sent to both nodes at the same moment. */
    SAME_MESSAGE_BOTH_NODES("same message to both nodes at once"),
    /** PostgreSQL stopped for 20 s under load, one node, and started again on the same data directory and port. */
    DATABASE_STOPPED("database stopped for 20 s"),
    /** An event a projection cannot apply: parked while other documents flow, retried once after a fix. */
    POISON_EVENT_PARKED("poison event parked and retried"),
    /**
     * Connector traffic over Kafka (a broker in the suite's process), the ledger killed with SIGKILL during intake and
     * restarted: every message ends recorded once or rejected once, with its outcome on the outcome topic.
     */
    KAFKA_INTAKE_KILLED("kill -9 during Kafka intake");

    private final String title;

    Scenario(String title) {
        this.title = title;
    }

    String title() {
        return title;
    }
}
