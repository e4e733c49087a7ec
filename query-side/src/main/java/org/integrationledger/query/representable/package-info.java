/**
 * The values a view can store (PostgreSQL's timestamptz, date and numeric), checked before a projection or a rebuild
 * writes anything of an event, so a value no column can hold is refused by name instead of failing in SQL.
 */
package org.integrationledger.query.representable;
