package org.portmortem.hive.write;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The one self-relative security descriptor the writer gives every key: owner Administrators,
 * group SYSTEM, and a DACL granting full control to Administrators and SYSTEM and read access to
 * Everyone (the usual shape of HKLM keys). Layout from [MS-DTYP] 2.4.6 SECURITY_DESCRIPTOR, 2.4.5
 * ACL, 2.4.4.2 ACCESS_ALLOWED_ACE and 2.4.2.2 SID; access masks from winnt.h (KEY_ALL_ACCESS
 * 0xF003F, KEY_READ 0x20019); well-known SIDs from [MS-DTYP] 2.4.2.4.
 */
final class SecurityDescriptor {
    private static final int SE_DACL_PRESENT = 0x0004;
    private static final int SE_SELF_RELATIVE = 0x8000;
    private static final int KEY_ALL_ACCESS = 0x000F003F;
    private static final int KEY_READ = 0x00020019;
    /** Subkeys inherit the entry: CONTAINER_INHERIT_ACE. */
    private static final int CONTAINER_INHERIT_ACE = 0x02;

    private static final long[] ADMINISTRATORS = {5, 32, 544};
    private static final long[] LOCAL_SYSTEM = {5, 18};
    private static final long[] EVERYONE = {1, 0};

    private SecurityDescriptor() {}

    /** The descriptor bytes. */
    static byte[] minimal() {
        byte[] owner = sid(ADMINISTRATORS);
        byte[] group = sid(LOCAL_SYSTEM);
        byte[] dacl =
                acl(ace(KEY_ALL_ACCESS, ADMINISTRATORS), ace(KEY_ALL_ACCESS, LOCAL_SYSTEM), ace(KEY_READ, EVERYONE));
        int header = 20;
        ByteBuffer b = ByteBuffer.allocate(header + owner.length + group.length + dacl.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 1); // revision
        b.put((byte) 0);
        b.putShort((short) (SE_SELF_RELATIVE | SE_DACL_PRESENT));
        b.putInt(header); // owner
        b.putInt(header + owner.length); // group
        b.putInt(0); // no SACL
        b.putInt(header + owner.length + group.length); // DACL
        b.put(owner).put(group).put(dacl);
        return b.array();
    }

    /** A SID from its identifier authority followed by its sub-authorities. */
    private static byte[] sid(long[] authorityAndSubs) {
        int subs = authorityAndSubs.length - 1;
        ByteBuffer b = ByteBuffer.allocate(8 + 4 * subs).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 1).put((byte) subs);
        // The 48-bit identifier authority is big-endian.
        b.put(new byte[] {0, 0, 0, 0, 0, (byte) authorityAndSubs[0]});
        for (int i = 1; i <= subs; i++) {
            b.putInt((int) authorityAndSubs[i]);
        }
        return b.array();
    }

    private static byte[] ace(int mask, long[] sid) {
        byte[] s = sid(sid);
        ByteBuffer b = ByteBuffer.allocate(8 + s.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0); // ACCESS_ALLOWED_ACE_TYPE
        b.put((byte) CONTAINER_INHERIT_ACE);
        b.putShort((short) (8 + s.length));
        b.putInt(mask);
        b.put(s);
        return b.array();
    }

    private static byte[] acl(byte[]... aces) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] a : aces) {
            body.writeBytes(a);
        }
        ByteBuffer b = ByteBuffer.allocate(8 + body.size()).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 2); // ACL_REVISION
        b.put((byte) 0);
        b.putShort((short) (8 + body.size()));
        b.putShort((short) aces.length);
        b.putShort((short) 0);
        b.put(body.toByteArray());
        return b.array();
    }
}
