package io.swarmdrop.core.api;

import java.util.List;

/** The calling device, its user's groups, and who in them has a push channel open. */
public record Me(String user, String device, List<GroupView> groups) {

    public record GroupView(String name, String description, List<MemberView> members) {}

    public record MemberView(String user, boolean online) {}
}
