-- ${ancestor}: deleting its rows removes (or changes) rows of synced tables through ON DELETE foreign keys, and
-- MySQL and MariaDB fire no trigger for those rows, so this trigger journals them just before the delete.
DROP TRIGGER IF EXISTS ${cascadeTrigger};
DELIMITER //
CREATE TRIGGER ${cascadeTrigger} BEFORE DELETE ON ${ancestor} FOR EACH ROW
BEGIN
${journalInserts}
END//
DELIMITER ;
