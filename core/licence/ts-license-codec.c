/* ts-license-codec.c - strict base64, Ed25519 and JSON for licences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here reads untrusted input: a key pasted by anyone, a file
 * from anywhere. Decoders refuse what they do not fully understand
 * instead of skipping it, as g_base64_decode() would.
 */

#define G_LOG_DOMAIN "ts-license"

#include "config.h"

#include <string.h>

#include <sodium.h>

#include "ts-json-shape.h"
#include "ts-license-private.h"
#include "ts-license-public-key.h"

/* The payloads are flat; deeper nesting can only be an attack on the
 * recursive JSON parser's stack. */
#define MAX_JSON_DEPTH 8

static void
ensure_sodium (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      /* Fails only when the system has no source of randomness, which
       * verifying never needs; there is nothing else to do then. */
      if (sodium_init () < 0)
        g_error ("libsodium could not be initialized");
      g_once_init_leave (&initialized, 1);
    }
}

const guint8 *
ts_license_trusted_public_key (void)
{
  static guint8 key[TS_LICENSE_PUBLIC_KEY_SIZE];
  static gsize decoded = 0;

  if (g_once_init_enter (&decoded))
    {
      const char *hex = TS_LICENSE_PUBLIC_KEY_HEX;
      size_t length = 0;

      ensure_sodium ();
      /* meson checked the key's digits; a failure here is a broken build. */
      if (sodium_hex2bin (key, sizeof key, hex, strlen (hex), NULL, &length, NULL) != 0 ||
          length != sizeof key)
        g_error ("the licence public key built in is not 32 bytes of hex");
      g_once_init_leave (&decoded, 1);
    }
  return key;
}

/* Base64url is accepted with and without its `=` padding, as Keygen's
 * SDKs write both; standard base64 must be padded. Characters in @ignore
 * (line breaks) may appear anywhere. */
GBytes *
ts_license_base64_decode (const char *text,
                          gsize       length,
                          gboolean    url_safe,
                          const char *ignore)
{
  g_autofree guint8 *data = NULL;
  size_t max_length = length / 4 * 3 + 3;
  size_t data_length = 0;
  int variant;

  if (url_safe)
    variant = memchr (text, '=', length) != NULL ? sodium_base64_VARIANT_URLSAFE
                                                 : sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  else
    variant = sodium_base64_VARIANT_ORIGINAL;

  data = g_malloc (max_length);
  if (sodium_base642bin (data, max_length, text, length, ignore, &data_length, NULL, variant) != 0)
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&data), data_length);
}

gboolean
ts_license_signature_holds (const guint8 *public_key,
                            const char   *prefix,
                            const char   *message,
                            gsize         length,
                            GBytes       *signature)
{
  g_autoptr(GByteArray) signed_bytes = g_byte_array_new ();

  ensure_sodium ();
  if (g_bytes_get_size (signature) != TS_LICENSE_SIGNATURE_SIZE)
    return FALSE;

  g_byte_array_append (signed_bytes, (const guint8 *) prefix, strlen (prefix));
  g_byte_array_append (signed_bytes, (const guint8 *) message, length);
  return crypto_sign_verify_detached (g_bytes_get_data (signature, NULL),
                                      signed_bytes->data, signed_bytes->len,
                                      public_key) == 0;
}

/* The root object of @bytes, or NULL when it is not one. */
JsonNode *
ts_license_parse_json_object (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gsize length;
  const char *text = g_bytes_get_data (bytes, &length);
  JsonNode *root;

  if (length == 0 || !g_utf8_validate_len (text, length, NULL) ||
      !ts_json_is_one_object (text, length, MAX_JSON_DEPTH))
    return NULL;
  if (!json_parser_load_from_data (parser, text, length, NULL))
    return NULL;
  root = json_parser_steal_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_clear_pointer (&root, json_node_unref);
      return NULL;
    }
  return root;
}

/* A member that is a string, or NULL. */
const char *
ts_license_json_get_string (JsonObject *object,
                            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* An ISO 8601 time with its zone, or null when @nullable. */
gboolean
ts_license_json_get_time (JsonObject  *object,
                          const char  *member,
                          gboolean     nullable,
                          GDateTime  **time)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *text;

  *time = NULL;
  if (node == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_NULL (node))
    return nullable;
  text = ts_license_json_get_string (object, member);
  if (text == NULL)
    return FALSE;

  /* No default zone: a time without one is refused, never guessed. */
  *time = g_date_time_new_from_iso8601 (text, NULL);
  return *time != NULL;
}
