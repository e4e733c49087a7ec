package org.integrationledger.command.supplier;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.integrationledger.command.outcome.CommandOutcome;
import org.integrationledger.command.outcome.RuleViolation;
import org.integrationledger.model.shared.DocumentKind;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.supplier.AcknowledgeSupplierCopy;
import org.integrationledger.model.supplier.ApproveBankAccountChange;
import org.integrationledger.model.supplier.ApproveSupplierRequest;
import org.integrationledger.model.supplier.BankAccountChangeApproved;
import org.integrationledger.model.supplier.BankAccountChangeProposed;
import org.integrationledger.model.supplier.BlockSupplier;
import org.integrationledger.model.supplier.ChangeSupplierDetails;
import org.integrationledger.model.supplier.CreateGoldenRecord;
import org.integrationledger.model.supplier.DuplicateSupplierRequestCaught;
import org.integrationledger.model.supplier.GoldenRecordCreated;
import org.integrationledger.model.supplier.ProposeBankAccountChange;
import org.integrationledger.model.supplier.ProtectedBankAccount;
import org.integrationledger.model.supplier.RecordDuplicateSupplierRequest;
import org.integrationledger.model.supplier.RejectSupplierRequest;
import org.integrationledger.model.supplier.ReportSupplierPropagationFailure;
import org.integrationledger.model.supplier.RequestSupplier;
import org.integrationledger.model.supplier.SupplierBlocked;
import org.integrationledger.model.supplier.SupplierCopyAcknowledged;
import org.integrationledger.model.supplier.SupplierDetailsChanged;
import org.integrationledger.model.supplier.SupplierRequestApproved;
import org.integrationledger.model.supplier.SupplierRequestRejected;
import org.integrationledger.model.supplier.SupplierRequested;
import org.integrationledger.model.supplier.SupplierState;
import org.integrationledger.model.supplier.SupplierUnblocked;
import org.integrationledger.model.supplier.SupplierVersionPropagationRequested;
import org.integrationledger.model.supplier.TaxId;
import org.integrationledger.model.supplier.UnblockSupplier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A supplier from its request in procurement to its golden record in the owning system, every governed change
 * of that record (each one a new version) and the copy each target system acknowledged. Bank accounts exist
 * here only in protected form.
 */
@Aggregate(cache = "supplierCache", commandTargetResolver = "supplierTargetResolver")
public class Supplier {

    private SupplierId id;
    private SupplierState state;
    private SystemId requester;
    private List<LegalEntityId> legalEntities = List.of();
    private SystemId owner;
    private int version;
    private boolean blocked;
    private ProtectedBankAccount bankAccount;
    private ProtectedBankAccount pendingBankAccount;
    private String pendingProposer;
    // The request's fields become golden-record version 1 when the owner creates it.
    private SupplierRequested requested;
    private final SupplierCopies copies = new SupplierCopies();

    protected Supplier() {
        // Axon rebuilds the supplier from its events and creates it on the CREATE_IF_MISSING request.
    }

    /** The event store key: ids are per document type, so a document of another type may share this id. */
    @AggregateIdentifier
    String storedKey() {
        return id == null ? null : DocumentKind.SUPPLIER.key(id.value());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(RequestSupplier command, TaxIdClaims claims, PropagationTargets targets) {
        if (state != null) {
            throw new RuleViolation(ErrorCode.SUPPLIER_ALREADY_REQUESTED, "supplier " + command.supplierId()
                    + " was already requested");
        }
        targets.requireRoutable(command.requestingLegalEntities());
        // Names the holder in the common case; the claim table's key decides a concurrent race.
        for (TaxId taxId : command.taxIds()) {
            claims.holderOf(taxId.normalized()).ifPresent(holder -> {
                throw TaxIdClaims.duplicate(taxId, holder);
            });
        }
        return record(command.supplierId(), new SupplierRequested(command.supplierId(), command.legalName(),
                command.taxIds(), command.addresses(), command.paymentTerms(), command.bankAccount(),
                command.requestingLegalEntities(), command.requestedBy(), command.reportingSystem(),
                command.occurredAt()));
    }

    @CommandHandler
    public CommandOutcome handle(ApproveSupplierRequest command) {
        requireState(SupplierState.REQUESTED, ErrorCode.SUPPLIER_REQUEST_NOT_PENDING);
        return record(id, new SupplierRequestApproved(id, command.approvedBy(), command.reportingSystem(),
                command.occurredAt()));
    }

    /**
     * The ledger refused a request for another supplier that named one of this supplier's tax ids; the catch goes on
     * this supplier's record (question 8). A command for a supplier the ledger does not hold is refused by Axon.
     */
    @CommandHandler
    public CommandOutcome handle(RecordDuplicateSupplierRequest command) {
        return record(id, new DuplicateSupplierRequestCaught(id, command.requestedAs(), command.taxId(),
                command.legalName(), command.requestedBy(), command.requestMessageId(), command.reportingSystem(),
                command.occurredAt()));
    }

    @CommandHandler
    public CommandOutcome handle(RejectSupplierRequest command) {
        requireState(SupplierState.REQUESTED, ErrorCode.SUPPLIER_REQUEST_NOT_PENDING);
        return record(id, new SupplierRequestRejected(id, command.rejectedBy(), command.reason(),
                command.reportingSystem(), command.occurredAt()));
    }

    @CommandHandler
    public CommandOutcome handle(CreateGoldenRecord command, GoldenRecordOwnership ownership,
                                 PropagationTargets targets) {
        if (state == SupplierState.ACTIVE) {
            throw new RuleViolation(ErrorCode.GOLDEN_RECORD_ALREADY_CREATED, "supplier " + id
                    + " already has a golden record (version " + version + ")");
        }
        requireState(SupplierState.APPROVED, ErrorCode.SUPPLIER_NOT_APPROVED);
        GoldenRecordOwnership.requireOwner(ownership.configuredOwner(), command.reportingSystem());
        return record(id, new GoldenRecordCreated(id, command.reportingSystem(), command.vendorNumber(), 1,
                        requested.legalName(), requested.taxIds(), requested.addresses(), requested.paymentTerms(),
                        bankAccount, command.reportingSystem(), command.occurredAt()),
                propagation(1, targets, command.reportingSystem(), command.occurredAt()));
    }

    @CommandHandler
    public CommandOutcome handle(ChangeSupplierDetails command, PropagationTargets targets) {
        requireOwner(command.reportingSystem());
        return newVersion(new SupplierDetailsChanged(id, version + 1, command.legalName(), command.addresses(),
                command.paymentTerms(), command.changedBy(), command.reportingSystem(), command.occurredAt()),
                targets, command.occurredAt());
    }

    @CommandHandler
    public CommandOutcome handle(ProposeBankAccountChange command) {
        requireOwner(command.reportingSystem());
        return record(id, new BankAccountChangeProposed(id, command.bankAccount(), command.proposedBy(),
                command.reportingSystem(), command.occurredAt()));
    }

    @CommandHandler
    public CommandOutcome handle(ApproveBankAccountChange command, PropagationTargets targets) {
        requireOwner(command.reportingSystem());
        if (pendingBankAccount == null) {
            throw new RuleViolation(ErrorCode.NO_PENDING_BANK_ACCOUNT_CHANGE, "supplier " + id
                    + " has no pending bank-account change to approve");
        }
        FourEyesRule.check(pendingProposer, command.approvedBy());
        return newVersion(new BankAccountChangeApproved(id, version + 1, bankAccount, pendingBankAccount,
                pendingProposer, command.approvedBy(), command.reportingSystem(), command.occurredAt()),
                targets, command.occurredAt());
    }

    @CommandHandler
    public CommandOutcome handle(BlockSupplier command, PropagationTargets targets) {
        requireOwner(command.reportingSystem());
        if (blocked) {
            throw new RuleViolation(ErrorCode.SUPPLIER_ALREADY_BLOCKED, "supplier " + id + " is already blocked");
        }
        return newVersion(new SupplierBlocked(id, version + 1, command.reason(), command.reportingSystem(),
                command.occurredAt()), targets, command.occurredAt());
    }

    @CommandHandler
    public CommandOutcome handle(UnblockSupplier command, PropagationTargets targets) {
        requireOwner(command.reportingSystem());
        if (!blocked) {
            throw new RuleViolation(ErrorCode.SUPPLIER_NOT_BLOCKED, "supplier " + id + " is not blocked");
        }
        return newVersion(new SupplierUnblocked(id, version + 1, command.reason(), command.reportingSystem(),
                command.occurredAt()), targets, command.occurredAt());
    }

    @CommandHandler
    public CommandOutcome handle(AcknowledgeSupplierCopy command) {
        return record(id, copies.acknowledge(id, version, command));
    }

    @CommandHandler
    public CommandOutcome handle(ReportSupplierPropagationFailure command) {
        return record(id, copies.fail(id, version, command));
    }

    private void requireState(SupplierState wanted, ErrorCode otherwise) {
        if (state != wanted) {
            throw new RuleViolation(otherwise, "supplier " + id + " is " + state + ", not " + wanted);
        }
    }

    private void requireOwner(SystemId reportingSystem) {
        if (state != SupplierState.ACTIVE) {
            throw new RuleViolation(ErrorCode.SUPPLIER_NOT_APPROVED, "supplier " + id + " is " + state
                    + " and has no golden record yet");
        }
        GoldenRecordOwnership.requireOwner(owner, reportingSystem);
    }

    private CommandOutcome newVersion(Object change, PropagationTargets targets, Instant occurredAt) {
        return record(id, change, propagation(version + 1, targets, owner, occurredAt));
    }

    private SupplierVersionPropagationRequested propagation(int newVersion, PropagationTargets targets,
                                                            SystemId by, Instant occurredAt) {
        return new SupplierVersionPropagationRequested(id, newVersion, targets.of(requester, legalEntities, by), by,
                occurredAt);
    }

    private static CommandOutcome record(SupplierId id, Object... events) {
        List<String> recorded = new ArrayList<>();
        for (Object event : events) {
            AggregateLifecycle.apply(event);
            recorded.add(event.getClass().getSimpleName());
        }
        return new CommandOutcome(id.value(), AggregateLifecycle.getVersion(), recorded);
    }

    @EventSourcingHandler
    void on(SupplierRequested event) {
        id = event.supplierId();
        state = SupplierState.REQUESTED;
        requester = event.reportingSystem();
        legalEntities = event.requestingLegalEntities();
        bankAccount = event.bankAccount();
        requested = event;
    }

    @EventSourcingHandler
    void on(SupplierRequestApproved event) {
        state = SupplierState.APPROVED;
    }

    @EventSourcingHandler
    void on(SupplierRequestRejected event) {
        state = SupplierState.REJECTED;
    }

    @EventSourcingHandler
    void on(GoldenRecordCreated event) {
        state = SupplierState.ACTIVE;
        owner = event.owner();
        version = event.version();
        requested = null;
    }

    @EventSourcingHandler
    void on(SupplierDetailsChanged event) {
        version = event.version();
    }

    @EventSourcingHandler
    void on(BankAccountChangeProposed event) {
        pendingBankAccount = event.proposedAccount();
        pendingProposer = event.proposedBy();
    }

    @EventSourcingHandler
    void on(BankAccountChangeApproved event) {
        version = event.version();
        bankAccount = event.newAccount();
        pendingBankAccount = null;
        pendingProposer = null;
    }

    @EventSourcingHandler
    void on(SupplierBlocked event) {
        version = event.version();
        blocked = true;
    }

    @EventSourcingHandler
    void on(SupplierUnblocked event) {
        version = event.version();
        blocked = false;
    }

    @EventSourcingHandler
    void on(SupplierVersionPropagationRequested event) {
        copies.requested(event.version(), bankAccount);
    }

    @EventSourcingHandler
    void on(SupplierCopyAcknowledged event) {
        copies.acknowledged(event.reportingSystem(), event.version());
    }
}
