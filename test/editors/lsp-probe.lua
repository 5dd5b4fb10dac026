-- Usage: LSP_CMD_JSON='["node","/abs/out/server.js","--stdio"]' LSP_FILE=/abs/file.spec LSP_FILETYPE=spec \
--   LSP_LINE=1 LSP_COL=0 [LSP_TIMEOUT_MS=10000] [LSP_SNIPPET_SUPPORT=1] [LSP_MIN_DIAGS=1] \
--   [LSP_SYMBOL_QUERY=word] [LSP_EXECUTE_COMMAND=id LSP_EXECUTE_ARGS_JSON='{"comment":"x"}'] \
--   [LSP_RANGE_FORMAT_PATTERN=lua-pattern] [LSP_REFERENCES=1] \
--   [LSP_CODE_ACTIONS_JSON='[{"line":"lua-pattern","apply":"title-pattern"}]'] \
--   [LSP_MORE_COMMANDS_JSON='[{"command":"id","args":{}}]'] [LSP_COMPLETE_LINE_JSON='{"line":"pattern","text":"License: GPL-2.0-o"}'] \
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
  local function first_line(pattern)
    for i, l in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
      if l:match(pattern) then return i - 1, l end
    end
    return nil
  end
  -- Range formatting of the first line matching LSP_RANGE_FORMAT_PATTERN: the lines its edits touch.
  local range_pattern = env('LSP_RANGE_FORMAT_PATTERN', '')
  if range_pattern ~= '' and client.server_capabilities.documentRangeFormattingProvider then
    local rl = first_line(range_pattern)
    if rl then
      local redits, rerr = (function()
        local resp = vim.lsp.buf_request_sync(bufnr, 'textDocument/rangeFormatting', { textDocument = { uri = uri }, range = { start = { line = rl, character = 0 }, ['end'] = { line = rl, character = 1 } }, options = { tabSize = 4, insertSpaces = true } }, timeout)
        local r = resp and resp[client_id]
        if not r then return nil, 'no response' end
        if r.err then return nil, vim.inspect(r.err) end
        return r.result or {}, nil
      end)()
      if rerr then result.range_formatting_error = rerr else
        result.range_formatting = { line = rl, edit_lines = {}, new_texts = {} }
        for _, e in ipairs(redits) do
          table.insert(result.range_formatting.edit_lines, e.range.start.line)
          table.insert(result.range_formatting.new_texts, e.newText)
        end
      end
    end
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
  local function request(method, params)
    local resp = vim.lsp.buf_request_sync(bufnr, method, params, timeout)
    local r = resp and resp[client_id]
    if not r then return nil, 'no response' end
    if r.err then return nil, vim.inspect(r.err) end
    return r.result, nil
  end
  -- Code lenses: their titles and lines.
  if client.server_capabilities.codeLensProvider then
    local lenses, lerr = request('textDocument/codeLens', { textDocument = { uri = uri } })
    if lerr then result.codelens_error = lerr else
      result.codelenses = {}
      for _, l in ipairs(lenses or {}) do
        table.insert(result.codelenses, { line = l.range.start.line, title = l.command and l.command.title or vim.NIL })
      end
    end
  end
  -- Signature help after `%setup ` (the first %setup line of the buffer).
  if client.server_capabilities.signatureHelpProvider then
    local sl, stext = first_line('^%%setup')
    if sl then
      local sig, serr = request('textDocument/signatureHelp', { textDocument = { uri = uri }, position = { line = sl, character = #stext } })
      if serr then result.signature_error = serr
      elseif sig and sig.signatures and sig.signatures[1] then
        result.signature_label = sig.signatures[1].label
        result.signature_parameters = #(sig.signatures[1].parameters or {})
      else result.signature_label = vim.NIL end
    end
  end
  -- Workspace symbols (LSP_SYMBOL_QUERY): every spec of the workspace folder, open or not.
  local query = env('LSP_SYMBOL_QUERY', '')
  if query ~= '' and client.server_capabilities.workspaceSymbolProvider then
    local syms, werr = request('workspace/symbol', { query = query })
    if werr then result.workspace_symbols_error = werr else
      result.workspace_symbols = {}
      for _, sym in ipairs(syms or {}) do
        table.insert(result.workspace_symbols, { name = sym.name, kind = sym.kind, file = vim.fn.fnamemodify(vim.uri_to_fname(sym.location.uri), ':t') })
      end
    end
  end
  -- Call hierarchy: the macro defined on the first `%global` line, and who uses it.
  if client.server_capabilities.callHierarchyProvider then
    local gl, gtext = first_line('^%%global ')
    if gl then
      local items, perr = request('textDocument/prepareCallHierarchy', { textDocument = { uri = uri }, position = { line = gl, character = #'%global ' + 1 } })
      if perr then result.call_hierarchy_error = perr
      elseif items and items[1] then
        result.call_hierarchy_item = items[1].name
        local calls, ierr = request('callHierarchy/incomingCalls', { item = items[1] })
        if ierr then result.call_hierarchy_error = ierr else
          result.incoming_calls = {}
          for _, c in ipairs(calls or {}) do table.insert(result.incoming_calls, { from = c.from.name, count = #c.fromRanges }) end
        end
      else result.call_hierarchy_item = vim.NIL end
    end
  end
  -- workspace/executeCommand with the document's uri filled in: the result (vim.NIL when none) or the error.
  local function execute(command, arg)
    arg.uri = uri
    local resp = client.request_sync('workspace/executeCommand', { command = command, arguments = { arg } }, timeout, bufnr)
    if not resp then return nil, 'no response' end
    if resp.err then return nil, vim.inspect(resp.err) end
    return resp.result or vim.NIL, nil
  end
  -- A chore over workspace/executeCommand (LSP_EXECUTE_COMMAND, argument LSP_EXECUTE_ARGS_JSON with
  -- "uri" filled in): the server applies its edit with workspace/applyEdit, Neovim's handler applies it.
  local command = env('LSP_EXECUTE_COMMAND', '')
  if command ~= '' and client.server_capabilities.executeCommandProvider then
    local res, err = execute(command, vim.json.decode(env('LSP_EXECUTE_ARGS_JSON', '{}')))
    if err then result.execute_error = err else result.execute_result = res end
    local _, release = first_line('^Release:')
    result.release_after_command = release or vim.NIL
    local cl = first_line('^%%changelog')
    result.changelog_after_command = cl and vim.api.nvim_buf_get_lines(bufnr, cl + 1, cl + 4, false) or vim.NIL
  end
  -- References of the macro on the first `%global` line (LSP_REFERENCES=1), the %include files' uses too.
  if env('LSP_REFERENCES', '') == '1' and client.server_capabilities.referencesProvider then
    local gl = first_line('^%%global ')
    if gl then
      local refs, rerr = request('textDocument/references', { textDocument = { uri = uri }, position = { line = gl, character = #'%global ' + 1 }, context = { includeDeclaration = true } })
      if rerr then result.references_error = rerr else
        result.references = {}
        for _, r in ipairs(refs or {}) do table.insert(result.references, { file = vim.fn.fnamemodify(vim.uri_to_fname(r.uri), ':t'), line = r.range.start.line }) end
      end
    end
  end
  -- Code actions (LSP_CODE_ACTIONS_JSON): the titles offered on the first line matching each
  -- pattern (with that line's diagnostics as context); the first action whose title matches
  -- "apply" is applied as Neovim applies a code action's WorkspaceEdit.
  local actions_spec = vim.json.decode(env('LSP_CODE_ACTIONS_JSON', '[]'))
  if #actions_spec > 0 and client.server_capabilities.codeActionProvider then
    result.code_actions = {}
    for _, spec in ipairs(actions_spec) do
      local al, atext = first_line(spec.line)
      local entry = { line = al or vim.NIL, titles = {} }
      if al then
        local diags = {}
        for _, d in ipairs(diagnostics_by_uri[uri] or {}) do
          if d.range.start.line == al then table.insert(diags, d) end
        end
        local actions, aerr = request('textDocument/codeAction', { textDocument = { uri = uri }, range = { start = { line = al, character = 0 }, ['end'] = { line = al, character = #atext } }, context = { diagnostics = diags } })
        if aerr then entry.error = aerr else
          for _, a in ipairs(actions or {}) do
            table.insert(entry.titles, a.title)
            if spec.apply and entry.applied == nil and a.title:match(spec.apply) and a.edit then
              vim.lsp.util.apply_workspace_edit(a.edit, client.offset_encoding or 'utf-16')
              entry.applied = a.title
              entry.line_after = vim.api.nvim_buf_get_lines(bufnr, al, al + 1, false)[1]
              vim.wait(500)                                -- didChange goes out (debounced)
            end
          end
        end
      end
      table.insert(result.code_actions, entry)
    end
  end
  -- More chores over workspace/executeCommand (LSP_MORE_COMMANDS_JSON), one after the other: each
  -- one's result and the Version and Release lines and the top of %changelog after it.
  local more = vim.json.decode(env('LSP_MORE_COMMANDS_JSON', '[]'))
  if #more > 0 and client.server_capabilities.executeCommandProvider then
    result.more_commands = {}
    for _, c in ipairs(more) do
      vim.wait(300)
      local res, err = execute(c.command, c.args or {})
      local _, version = first_line('^Version:')
      local _, release = first_line('^Release:')
      local cl = first_line('^%%changelog')
      table.insert(result.more_commands, {
        command = c.command,
        error = err or vim.NIL,
        result = res or vim.NIL,
        version = version or vim.NIL, release = release or vim.NIL,
        changelog = cl and vim.api.nvim_buf_get_lines(bufnr, cl + 1, cl + 3, false) or vim.NIL,
      })
    end
  end
  -- Completion after text typed on a line (LSP_COMPLETE_LINE_JSON {line, text}): the line is
  -- replaced by the text and completion asked at its end.
  local complete_spec = vim.json.decode(env('LSP_COMPLETE_LINE_JSON', '{}'))
  if complete_spec.line and client.server_capabilities.completionProvider then
    local cl = first_line(complete_spec.line)
    if cl then
      vim.api.nvim_buf_set_lines(bufnr, cl, cl + 1, false, { complete_spec.text })
      vim.wait(500)                                        -- didChange goes out (debounced)
      local items, cerr = request('textDocument/completion', { textDocument = { uri = uri }, position = { line = cl, character = #complete_spec.text } })
      if cerr then result.line_completion_error = cerr else
        if items and items.items then items = items.items end
        result.line_completion = {}
        for _, it in ipairs(items or {}) do table.insert(result.line_completion, it.label) end
      end
    end
  end
  vim.lsp.stop_client(client_id)                          -- shutdown + exit
  vim.wait(3000, function() return exit_info ~= nil end, 10)
  result.server_exit = exit_info or vim.NIL
  result.ok = result.diagnostics_received and completion_ok
end)
if not ok then result.error = tostring(err) end
finish(result.ok and 0 or 1)
