// Renders /api/v1/openapi.json with the Swagger UI bundle served from the jar (no CDN).
// A separate file rather than an inline script: the server's Content-Security-Policy allows only 'self' scripts.
window.addEventListener('load', function () {
  var loading = document.getElementById('loading');
  if (typeof window.SwaggerUIBundle !== 'function') {
    loading.textContent = 'The API reference could not load. The description itself is at /api/v1/openapi.json.';
    return;
  }
  loading.remove();
  window.SwaggerUIBundle({
    url: '/api/v1/openapi.json',
    dom_id: '#api-reference',
    deepLinking: true,
    // Requests from "Try it out" go to this same server only.
    tryItOutEnabled: false,
  });
});
