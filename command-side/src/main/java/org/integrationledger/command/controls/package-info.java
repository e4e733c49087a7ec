/**
 * Finance controls on the command side: what the invoice knows of its supplier's standing and golden-record bank
 * account over business time (a lookup fed by supplier events), and the rules that judge a posting or payment.
 */
package org.integrationledger.command.controls;
