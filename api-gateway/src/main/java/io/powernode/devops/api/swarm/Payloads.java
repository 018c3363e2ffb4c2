package io.powernode.devops.api.swarm;

import io.powernode.devops.api.JsonBody;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The content of a secret or a config, given either as text or as base64 (for binary content). Messages
 * never quote the content, nor say how long it is: a secret's length is already something about it.
 */
final class Payloads {

    /** swarmkit refuses secret data of 500 KiB or more. */
    static final int SECRET_LIMIT_BYTES = 500 * 1024;
    /** swarmkit refuses config data of 1000 KiB or more. */
    static final int CONFIG_LIMIT_BYTES = 1000 * 1024;

    private Payloads() {
    }

    /**
     * The content in {@code textField} (as UTF-8) or in {@code base64Field}, exactly one of them, non-empty and
     * below {@code limitBytes}; null when invalid, the fields at fault rejected.
     */
    static byte[] read(JsonBody.Fields fields, String textField, String base64Field, int limitBytes) {
        boolean text = fields.has(textField);
        boolean base64 = fields.has(base64Field);
        if (text && base64) {
            fields.reject(base64Field, "cannot be given together with " + textField + ": send one of them");
            return null;
        }
        if (!text && !base64) {
            fields.reject(textField, "is required (or " + base64Field + " for binary content)");
            return null;
        }
        String field = text ? textField : base64Field;
        // no length limit on the string: Docker's limit is in bytes, checked once the content is decoded
        String given = fields.string(field, true);
        if (given == null) {
            return null;
        }
        byte[] content = text ? given.getBytes(StandardCharsets.UTF_8) : decode(given);
        if (content == null) {
            fields.reject(field, "must be base64 (standard alphabet, with padding)");
            return null;
        }
        if (content.length == 0) {
            fields.reject(field, "must not be empty");
            return null;
        }
        if (content.length >= limitBytes) {
            fields.reject(field, "must be smaller than " + limitBytes / 1024 + " KiB (Docker's limit)");
            return null;
        }
        return content;
    }

    /** Line breaks and spaces are allowed, as base64 tools wrap their output. */
    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
        } catch (IllegalArgumentException invalid) {
            // its message quotes the offending character, which is part of the content: dropped
            return null;
        }
    }
}
