// Ace by DAISY (a test tool) brings puppeteer; teikit's tests run it on Debian's chromium
// (PUPPETEER_EXECUTABLE_PATH), so npm install never downloads a browser (the network may not allow it).
module.exports = { skipDownload: true };
