/**
 * Supplier invoices from receipt to payment confirmation: duplicate detection, tax validation, matching against
 * the purchase order and its receipts, exceptions with their resolution, ERP posting and payments.
 */
package org.integrationledger.command.invoice;
