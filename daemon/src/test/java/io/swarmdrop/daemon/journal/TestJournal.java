package io.swarmdrop.daemon.journal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;

/**
 * The daemon's journal on a real H2 file, for unit tests without Quarkus: each call runs in a
 * transaction of its own with a fresh entity manager, as {@code @Transactional} does in the daemon,
 * so entities come back detached exactly as they do there.
 */
public final class TestJournal extends Journal implements AutoCloseable {

    private static final ThreadLocal<EntityManager> CURRENT = new ThreadLocal<>();

    private final EntityManagerFactory factory;

    private TestJournal(EntityManagerFactory factory, Clock clock) {
        super(currentEntityManager(), clock);
        this.factory = factory;
    }

    /** A new, empty journal in {@code folder}. */
    public static TestJournal open(Path folder, Clock clock) {
        requireEveryMethodOverridden();
        EntityManagerFactory factory = new Configuration()
                .addAnnotatedClass(Setting.class)
                .addAnnotatedClass(PublishedFile.class)
                .addAnnotatedClass(Fetch.class)
                .setProperty(
                        AvailableSettings.JAKARTA_JDBC_URL,
                        "jdbc:h2:file:" + folder.resolve("journal").toAbsolutePath())
                .setProperty(AvailableSettings.JAKARTA_JDBC_USER, "sa")
                .setProperty(AvailableSettings.HBM2DDL_AUTO, "create")
                .buildSessionFactory();
        return new TestJournal(factory, clock);
    }

    /** A journal method added without its override here would run outside any transaction. */
    private static void requireEveryMethodOverridden() {
        List<String> missing = Arrays.stream(Journal.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> !overridden(m))
                .map(Method::getName)
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("TestJournal does not wrap Journal methods " + missing);
        }
    }

    private static boolean overridden(Method method) {
        try {
            TestJournal.class.getDeclaredMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** Hands each call to the entity manager of the transaction the calling thread is in. */
    private static EntityManager currentEntityManager() {
        return (EntityManager) Proxy.newProxyInstance(
                EntityManager.class.getClassLoader(), new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    EntityManager current = CURRENT.get();
                    if (current == null) {
                        throw new IllegalStateException("journal used outside a transaction: " + method.getName());
                    }
                    try {
                        return method.invoke(current, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private <T> T inTransaction(Supplier<T> work) {
        if (CURRENT.get() != null) {
            return work.get();
        }
        EntityManager manager = factory.createEntityManager();
        CURRENT.set(manager);
        try {
            manager.getTransaction().begin();
            T result = work.get();
            manager.getTransaction().commit();
            return result;
        } finally {
            if (manager.getTransaction().isActive()) {
                manager.getTransaction().rollback();
            }
            CURRENT.remove();
            manager.close();
        }
    }

    private void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    @Override
    public Optional<String> setting(String name) {
        return inTransaction(() -> super.setting(name));
    }

    @Override
    public void setting(String name, String value) {
        inTransaction(() -> super.setting(name, value));
    }

    @Override
    public void removeSetting(String name) {
        inTransaction(() -> super.removeSetting(name));
    }

    @Override
    public Optional<PublishedFile> published(FileVersion file) {
        return inTransaction(() -> super.published(file));
    }

    @Override
    public List<PublishedFile> publishedUnderOtherNames(FileVersion file) {
        return inTransaction(() -> super.publishedUnderOtherNames(file));
    }

    @Override
    public void renamed(long entryId, FileVersion file) {
        inTransaction(() -> super.renamed(entryId, file));
    }

    @Override
    public void recordPublication(
            FileVersion file, PublishedFile.State state, String publicationId, byte[] metainfo, String message) {
        inTransaction(() -> super.recordPublication(file, state, publicationId, metainfo, message));
    }

    @Override
    public List<OutboxEntry> outboxEntries() {
        return inTransaction(super::outboxEntries);
    }

    @Override
    public List<PublishedFile> publishedFiles() {
        return inTransaction(super::publishedFiles);
    }

    @Override
    public Optional<Fetch> fetch(String publicationId) {
        return inTransaction(() -> super.fetch(publicationId));
    }

    @Override
    public Optional<Fetch> fetchWithData(String publicationId) {
        return inTransaction(() -> super.fetchWithData(publicationId));
    }

    @Override
    public void startFetch(String publicationId, String group, String fileName, long size, byte[] metainfo) {
        inTransaction(() -> super.startFetch(publicationId, group, fileName, size, metainfo));
    }

    @Override
    public void rejectFetch(String publicationId, String group, String fileName, long size, String message) {
        inTransaction(() -> super.rejectFetch(publicationId, group, fileName, size, message));
    }

    @Override
    public void noteFetch(String publicationId, String message) {
        inTransaction(() -> super.noteFetch(publicationId, message));
    }

    @Override
    public void delivered(String publicationId, String path, long downloadedBytes) {
        inTransaction(() -> super.delivered(publicationId, path, downloadedBytes));
    }

    @Override
    public void acknowledged(String publicationId) {
        inTransaction(() -> super.acknowledged(publicationId));
    }

    @Override
    public void retire(String publicationId) {
        inTransaction(() -> super.retire(publicationId));
    }

    @Override
    public void forgetFetch(String publicationId) {
        inTransaction(() -> super.forgetFetch(publicationId));
    }

    @Override
    public List<Fetch> fetches() {
        return inTransaction(() -> super.fetches());
    }

    @Override
    public List<Fetch> fetches(Fetch.State state) {
        return inTransaction(() -> super.fetches(state));
    }

    /** Empties every table, so one journal serves a whole test class. */
    public void clear() {
        inTransaction(() -> {
            for (Class<?> entity : List.of(Setting.class, PublishedFile.class, Fetch.class)) {
                CURRENT.get()
                        .createQuery("delete from " + entity.getSimpleName())
                        .executeUpdate();
            }
        });
    }

    @Override
    public void close() {
        factory.close();
    }
}
