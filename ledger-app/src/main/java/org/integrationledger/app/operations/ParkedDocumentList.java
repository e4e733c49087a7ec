package org.integrationledger.app.operations;

import java.util.List;

/** The parked documents, oldest first. */
public record ParkedDocumentList(int total, List<ParkedDocument> documents) {
}
