package io.swarmdrop.supernode.seeding;

import io.swarmdrop.engine.ResumeFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The catalog's write pattern, fast and in a process of its own, for {@link CatalogCrashTest} to
 * kill: rows added, marked stored and removed in H2, and every live row's resume data rewritten in
 * its file each round (the supernode does it every 15 s). A line goes to stdout only after its commit returned,
 * so the parent knows what was committed when it kills this process.
 */
public final class CatalogWriter {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Path resumeFolder = Path.of(args[1]);
        var random = new Random(Long.parseLong(args[2]));
        int next = Integer.parseInt(args[3]);
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            db.createStatement()
                    .execute("create table if not exists stored_file (id varchar(64) primary key,"
                            + " state varchar(16) not null)");
            List<String> live = new ArrayList<>();
            try (var rows = db.createStatement().executeQuery("select id from stored_file")) {
                while (rows.next()) {
                    live.add(rows.getString(1));
                }
            }
            var resume = new ResumeFiles(resumeFolder);
            System.out.println("ready");
            while (true) {
                String id = "p" + next++;
                System.out.println("begin " + id);
                insert(db, id);
                live.add(id);
                System.out.println("add " + id);
                if (live.size() > 40) {
                    String gone = live.remove(random.nextInt(live.size() / 2));
                    System.out.println("begin " + gone);
                    execute(db, "delete from stored_file where id = '" + gone + "'");
                    resume.delete(gone);
                    System.out.println("remove " + gone);
                }
                String stored = live.get(random.nextInt(live.size()));
                System.out.println("begin " + stored);
                execute(db, "update stored_file set state = 'STORED' where id = '" + stored + "'");
                System.out.println("stored " + stored);
                for (String each : live) {
                    byte[] data = new byte[16 * 1024 + random.nextInt(48 * 1024)];
                    random.nextBytes(data);
                    resume.write(each, framed(data));
                }
            }
        }
    }

    /** {@code data} behind its SHA-256, so a torn file shows. */
    static byte[] framed(byte[] data) throws Exception {
        byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(data);
        byte[] framed = java.util.Arrays.copyOf(hash, hash.length + data.length);
        System.arraycopy(data, 0, framed, hash.length, data.length);
        return framed;
    }

    /** True if {@code framed} is whole. */
    static boolean isWhole(byte[] framed) throws Exception {
        if (framed.length < 32) {
            return false;
        }
        byte[] data = java.util.Arrays.copyOfRange(framed, 32, framed.length);
        return java.util.Arrays.equals(
                java.security.MessageDigest.getInstance("SHA-256").digest(data), java.util.Arrays.copyOf(framed, 32));
    }

    private static void insert(Connection db, String id) throws SQLException {
        try (var statement = db.prepareStatement("insert into stored_file (id, state) values (?, 'FETCHING')")) {
            statement.setString(1, id);
            statement.executeUpdate();
        }
    }

    private static void execute(Connection db, String sql) throws SQLException {
        db.createStatement().executeUpdate(sql);
    }
}
