#!/usr/bin/env bash
# Publishes a built site to object storage with rclone, uploading only files whose content
# changed: `tools/deploy-sync.sh SITE DESTINATION`, e.g. `tools/deploy-sync.sh _site site:my-bucket`
# (a remote configured from RCLONE_CONFIG_SITE_* variables) or a local folder.
#
# Builds are reproducible, so an unchanged file has the same bytes and the same MD5: --checksum
# compares that (S3 and R2 give it as the ETag of a single-part upload, which every file under
# --s3-upload-cutoff, 200 MiB, is; a multipart upload carries it in X-Amz-Meta-Md5chksum) and
# never the modification time, which every build sets anew.
#
# Three passes, so a reader never meets a page whose assets are missing:
#   1. files named by their content (images, search index parts), kept by browsers for a year;
#   2. everything else (pages, feeds, sitemaps, stylesheets, scripts), cached for five minutes,
#      so an hourly deploy or an embargo lifted shows within minutes;
#   3. a sync that finds nothing left to upload and deletes what the site no longer has, only
#      after the uploads have succeeded (--delete-after).
# A file's Content-Type comes from its extension (rclone's MIME table). A changed caching rule
# reaches only files uploaded after it: an unchanged file is never uploaded again (run rclone
# copy once with --ignore-times and the new header to apply it to all).
set -euo pipefail

if [ "$#" -ne 2 ]; then
  echo "usage: $0 SITE_FOLDER DESTINATION (an rclone remote:bucket/path or a folder)" >&2
  exit 2
fi
site=$1
destination=$2
if [ ! -f "$site/index.html" ]; then
  echo "$0: $site/index.html is missing: build the site first" >&2
  exit 1
fi

# The names that carry a hash of their content: a new version is a new name, so caching for ever is safe.
content_named=(--filter "+ /img/**" --filter "+ *.pf_fragment" --filter "+ *.pf_index" --filter "+ *.pf_meta" --filter "+ *.pf_filter")
common=(--checksum --fast-list --transfers 16 --checkers 16 --stats-one-line -v)

rclone copy "$site" "$destination" "${common[@]}" "${content_named[@]}" --filter "- **" \
  --header-upload "Cache-Control: public, max-age=31536000, immutable"
# The same rules turned from "+" (only these) to "-" (all but these).
rclone copy "$site" "$destination" "${common[@]}" "${content_named[@]/#+ /- }" \
  --header-upload "Cache-Control: public, max-age=300"
rclone sync "$site" "$destination" "${common[@]}" --delete-after
