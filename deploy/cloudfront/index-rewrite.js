// A CloudFront Function (runtime cloudfront-js-2.0, on the distribution's viewer requests) for a
// Broadsheet site in a private S3 bucket: a bucket serves exact keys only, so this sends an old
// URL on as `_redirects` lists it (301) and asks the bucket for `path/index.html` for `/path/`
// and `/path`. A CloudFront Function cannot read the bucket, so the redirects are written into
// this code at deploy time: `node --import tsx tools/cloudfront-function.ts _site` prints it with
// REDIRECTS filled in (README, "Object storage behind a CDN"). A miss is the distribution's
// custom error response (403 and 404 to /404.html, status 404), not this code.
/* exported handler */

var REDIRECTS = {}; // {"/decoded/old/path/": ["/new/path/", 301]}, from the build's _redirects

function handler(event) {
  var request = event.request;
  var uri = request.uri;
  var path;
  try {
    path = decodeURIComponent(uri); // the table's keys are decoded, so %E6 and %e6 both match
  } catch (malformed) {
    return request; // no key has that name: the bucket answers it as a miss
  }
  var redirect = REDIRECTS[path] || REDIRECTS[path + "/"];
  if (redirect) {
    return {
      statusCode: redirect[1],
      statusDescription: redirect[1] === 301 ? "Moved Permanently" : "Found",
      headers: { location: { value: redirect[0] } },
    };
  }
  if (uri.endsWith("/")) request.uri = uri + "index.html";
  else if (!/\.[^/]*$/.test(uri)) request.uri = uri + "/index.html";
  return request;
}
