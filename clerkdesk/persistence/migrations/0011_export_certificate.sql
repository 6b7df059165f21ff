-- Version 11: the SHA-256 fingerprint of the certificate that certified each
-- exported PDF, so that verify knows which key certified what (the machine's
-- self-signed one, or a council's own). Exports made before are NULL: their
-- logged file digest already ties them to this database.

ALTER TABLE export_log ADD COLUMN certificate_sha256 VARCHAR;
CREATE INDEX ix_export_log_certificate_sha256 ON export_log (certificate_sha256);
