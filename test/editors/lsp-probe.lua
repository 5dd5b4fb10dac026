-- Usage: LSP_CMD_JSON='["node","/abs/out/server.js","--stdio"]' LSP_FILE=/abs/file.spec LSP_FILETYPE=spec \
--   LSP_LINE=1 LSP_COL=0 [LSP_TIMEOUT_MS=10000] [LSP_SNIPPET_SUPPORT=1] [LSP_MIN_DIAGS=1] \
--   timeout 60 nvim --headless -n -i NONE -u NONE -c 'luafile /abs/lsp-probe.lua'
-- Prints ONE JSON line; exit 0 when diagnostics arrived (and completion, if offered, answered), else 1.
-- Used by test/editors/neovim.test.ts (from docs: /work/shared/design/real-clients.md, section 2).
local function env(name, default)
  local v = os.getenv(name); if v == nil or v == '' then return default end; return v
end
local v = vim.version()
local result = { ok = false, client = ('nvim %d.%d.%d'):format(v.major, v.minor, v.patch) }
local cmd, file, filetype, line, col, timeout, root, snippets, min_diags
local setup_ok, setup_err = pcall(function()
  cmd = vim.json.decode((assert(os.getenv('LSP_CMD_JSON'), 'LSP_CMD_JSON not set')))
  file = vim.fn.fnamemodify((assert(os.getenv('LSP_FILE'), 'LSP_FILE not set')), ':p')
  filetype = env('LSP_FILETYPE', ''); line = tonumber(env('LSP_LINE', '0')); col = tonumber(env('LSP_COL', '0'))
  timeout = tonumber(env('LSP_TIMEOUT_MS', '10000')); root = env('LSP_ROOT', vim.fn.fnamemodify(file, ':h'))
  snippets = env('LSP_SNIPPET_SUPPORT', '0') == '1'; min_diags = tonumber(env('LSP_MIN_DIAGS', '1'))
end)
local diagnostics_by_uri, exit_info = {}, nil
local t0 = vim.loop.hrtime()
local function ms() return math.floor((vim.loop.hrtime() - t0) / 1e6) end
result.timings_ms = {}
local function finish(code)
  io.stdout:write(vim.json.encode(result) .. '\n'); io.stdout:flush()
  vim.cmd(code == 0 and 'qall!' or ('cquit! ' .. code))
end
local ok, err = pcall(function()
  if not setup_ok then error(setup_err) end
  local capabilities = vim.lsp.protocol.make_client_capabilities()
  if snippets then capabilities.textDocument.completion.completionItem.snippetSupport = true end
  local client_id = vim.lsp.start_client({
    name = 'probe', cmd = cmd, root_dir = root, capabilities = capabilities,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'root' } },
    on_init = function(_, init_result) result.server_info = init_result.serverInfo or vim.NIL end,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(_, params) diagnostics_by_uri[params.uri] = params.diagnostics end,
      ['window/logMessage'] = function() end, ['window/showMessage'] = function() end,
    },
    on_exit = function(code, signal) exit_info = { code = code, signal = signal } end,
  })
  if not client_id then error('start_client failed (is the command on PATH / executable?)') end
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  if filetype ~= '' then vim.bo[bufnr].filetype = filetype end
  vim.lsp.buf_attach_client(bufnr, client_id)            -- didOpen goes out once `initialized`
  local client
  local inited = vim.wait(timeout, function()
    client = vim.lsp.get_client_by_id(client_id)
    return (client and client.initialized) or exit_info ~= nil
  end, 10)
  if not inited or exit_info then error('server did not initialize: ' .. vim.inspect(exit_info)) end
  result.timings_ms.initialized = ms()
  local uri = vim.uri_from_bufnr(bufnr)
  result.diagnostics_received = vim.wait(timeout, function()
    return diagnostics_by_uri[uri] ~= nil and #diagnostics_by_uri[uri] >= min_diags
  end, 10)
  result.timings_ms.diagnostics = ms()
  result.diagnostics = diagnostics_by_uri[uri] or vim.NIL
  local completion_ok = true
  result.completion_offered = client.server_capabilities.completionProvider ~= nil
  if client.server_capabilities.completionProvider then
    local params = { textDocument = { uri = uri }, position = { line = line, character = col } }
    local responses, req_err = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', params, timeout)
    local resp = responses and responses[client_id]
    if not resp or resp.err then
      completion_ok = false
      result.completion_error = tostring(req_err or (resp and vim.inspect(resp.err)) or 'no response')
    else
      local items = resp.result or {}
      if items.items then items = items.items end        -- CompletionList
      local labels = {}
      for _, it in ipairs(items) do table.insert(labels, it.label) end
      result.completion_labels = labels
    end
    result.timings_ms.completion = ms()
  else
    result.completion_error = 'server advertises no completionProvider'
  end
  -- Formatting over LSP: the edits apply to the buffer, and formatting again changes nothing.
  if client.server_capabilities.documentFormattingProvider then
    local fparams = { textDocument = { uri = uri }, options = { tabSize = 4, insertSpaces = true } }
    local fresp = vim.lsp.buf_request_sync(bufnr, 'textDocument/formatting', fparams, timeout)
    local fr = fresp and fresp[client_id]
    if not fr or fr.err then
      result.formatting_error = tostring(fr and vim.inspect(fr.err) or 'no response')
    else
      local edits = fr.result or {}
      result.formatting_edits = #edits
      local before = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
      vim.lsp.util.apply_text_edits(edits, bufnr, client.offset_encoding or 'utf-16')
      result.formatting_changed_buffer = before ~= table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
      vim.wait(500)                                        -- didChange goes out (debounced)
      local again = vim.lsp.buf_request_sync(bufnr, 'textDocument/formatting', fparams, timeout)
      local ar = again and again[client_id]
      result.formatting_edits_after = (ar and not ar.err and #(ar.result or {})) or -1
    end
    result.timings_ms.formatting = ms()
  end
  vim.lsp.stop_client(client_id)                          -- shutdown + exit
  vim.wait(3000, function() return exit_info ~= nil end, 10)
  result.server_exit = exit_info or vim.NIL
  result.ok = result.diagnostics_received and completion_ok
end)
if not ok then result.error = tostring(err) end
finish(result.ok and 0 or 1)
