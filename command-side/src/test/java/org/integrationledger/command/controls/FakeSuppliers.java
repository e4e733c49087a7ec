package org.integrationledger.command.controls;

import org.integrationledger.model.controls.ControlEvidence;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.supplier.ProtectedBankAccount;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The supplier lookup as lists of facts on business time, so a test states exactly what the supplier's history
 * was: its standing changes, its golden-record bank accounts and which system acknowledged which version when.
 * Each fact gets the next sequence number of the supplier's history, as the event store would.
 */
public final class FakeSuppliers implements SupplierControlFacts {

    private record StandingFact(SupplierId supplier, Instant at, Standing standing) {
    }

    private record AccountFact(SupplierId supplier, BankAccount account) {
    }

    private record Acknowledgment(SupplierId supplier, SystemId system, int version, Instant at) {
    }

    private final List<StandingFact> standings = new ArrayList<>();
    private final List<AccountFact> accounts = new ArrayList<>();
    private final List<Acknowledgment> acknowledgments = new ArrayList<>();
    private long sequence;

    public FakeSuppliers standing(SupplierId supplier, SupplierStanding standing, String eventType, String reason,
                                  Instant at) {
        standings.add(new StandingFact(supplier, at, new Standing(standing, reason, evidence(supplier, eventType, at))));
        return this;
    }

    /** Version 1 is the golden record's creation by ERP_NA (the owner), later versions approved changes. */
    public FakeSuppliers bankAccount(SupplierId supplier, int version, ProtectedBankAccount account, Instant approvedAt) {
        return bankAccount(supplier, version, account, approvedAt, SystemId.of("ERP_NA"));
    }

    /** As above, with the golden record owned by {@code owner} (an MDM hub the paying ERP must acknowledge). */
    public FakeSuppliers bankAccount(SupplierId supplier, int version, ProtectedBankAccount account, Instant approvedAt,
                                     SystemId owner) {
        String type = version == 1 ? "GoldenRecordCreated" : "BankAccountChangeApproved";
        accounts.add(new AccountFact(supplier, new BankAccount(version, account, approvedAt, version > 1, owner,
                evidence(supplier, type, approvedAt))));
        return this;
    }

    public FakeSuppliers acknowledgment(SupplierId supplier, SystemId system, int version, Instant at) {
        acknowledgments.add(new Acknowledgment(supplier, system, version, at));
        return this;
    }

    /** The evidence the next fact of {@code supplier} gets (what a test expects on a violation). */
    public static ControlEvidence evidence(SupplierId supplier, long sequence, String eventType, Instant at) {
        return new ControlEvidence("supplier", supplier.value(), sequence, eventType, at, at);
    }

    private ControlEvidence evidence(SupplierId supplier, String eventType, Instant at) {
        return evidence(supplier, sequence++, eventType, at);
    }

    @Override
    public Optional<Standing> standingAt(SupplierId supplier, Instant at) {
        return standings.stream().filter(fact -> fact.supplier().equals(supplier) && !fact.at().isAfter(at))
                .max(Comparator.comparing(StandingFact::at)
                        .thenComparing(fact -> fact.standing().evidence().sequenceNumber()))
                .map(StandingFact::standing);
    }

    @Override
    public Optional<BankAccount> bankAccountAt(SupplierId supplier, Instant at) {
        return accounts.stream().filter(fact -> fact.supplier().equals(supplier)
                        && !fact.account().approvedAt().isAfter(at))
                .max(Comparator.comparing((AccountFact fact) -> fact.account().approvedAt())
                        .thenComparing(fact -> fact.account().version()))
                .map(AccountFact::account);
    }

    @Override
    public boolean acknowledged(SupplierId supplier, SystemId system, int version, Instant at) {
        return acknowledgments.stream().anyMatch(ack -> ack.supplier().equals(supplier) && ack.system().equals(system)
                && ack.version() >= version && !ack.at().isAfter(at));
    }
}
