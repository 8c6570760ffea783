package org.chapterhouse.notifications.inbound.members;

/**
 * Something that holds data about members. On MemberErased every holder removes (or anonymises) all it has about
 * the member, so that no trace of them remains in this service.
 */
public interface MemberData {

    void erase(String memberId);
}
