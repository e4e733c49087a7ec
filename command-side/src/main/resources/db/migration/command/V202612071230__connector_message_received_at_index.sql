-- The retention purge finds the rows older than ledger.connectors.message-retention by their recorded time.
CREATE INDEX connector_message_received_at ON connector_message (received_at);
