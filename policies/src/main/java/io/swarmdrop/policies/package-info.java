/**
 * Retention, replication and admission policies of a group: a pure model and evaluator, with
 * {@code now} as a parameter. Nothing here depends on ZooKeeper, libtorrent or Quarkus, so the
 * supernode and the console apply exactly the same rules.
 *
 * <p>The text form (see {@link io.swarmdrop.policies.PolicyText}) is a small properties file per
 * group:
 * <pre>
 * retention.max-age = P7D                    # ISO-8601 duration; the file is removed after this
 * retention.delete-when-delivered = true     # remove as soon as every target has the file
 * replication.copies = 2                     # supernodes that persist each file
 * admission.max-file-size = 2GB              # bytes, or with KB, MB, GB, TB (powers of 1024)
 * admission.allowed-extensions = pdf, png    # empty: every extension not refused
 * admission.refused-extensions = exe, bat
 * admission.max-group-bytes = 50GB           # total size of the group's active publications
 * admission.allowed-types = application/pdf, image/*   # by the file's first bytes; empty: any
 * admission.refused-types = application/x-msdownload
 * </pre>
 * Every key is optional; a missing key takes the default of {@link io.swarmdrop.policies.GroupPolicy#DEFAULT}.
 */
package io.swarmdrop.policies;
