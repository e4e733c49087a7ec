/**
 * Invoice views: each invoice across procurement, tax engine, ERP and treasury; the exception queue; and the
 * payments whose confirmation procurement has not acknowledged (question 4).
 */
package org.integrationledger.query.invoice;
